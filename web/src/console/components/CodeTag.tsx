import { Tag } from 'antd';
import { codeLabel, type CodeLabel } from '../jointLabels.js';

/** A code shown as its Chinese name in the colour of its table (ENTRY_STATUS, OUTCOME…). */
export function CodeTag({ table, code }: { table: Record<string, CodeLabel>; code: string | null | undefined }) {
  if (!code) return <>—</>;
  return <Tag color={table[code]?.color}>{codeLabel(table, code)}</Tag>;
}

/** 待核实: seeded texts (legal basis, document numbers) not confirmed against their source. */
export function SourceCell({ source, verified }: { source: string | null; verified: boolean }) {
  return (
    <>
      {source ?? '本地登记'}
      {!verified && <Tag color="warning" style={{ marginInlineStart: 6 }} title="依据原文尚未核对，使用前请核实">待核实</Tag>}
    </>
  );
}
