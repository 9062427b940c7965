// Chinese names of the collection and push codes, as CodeTag tables.
import type { CodeLabel } from './jointLabels.js';

type Table = Record<string, CodeLabel>;

export const BATCH_STATUS: Table = {
  running: { label: '导入中', color: 'processing' },
  completed: { label: '已完成', color: 'green' },
  rejected: { label: '整批退回', color: 'red' },
  failed: { label: '导入失败', color: 'red' },
};

export const DISCLOSURE: Table = {
  public: { label: '公开', color: 'green' },
  shared: { label: '共享', color: 'blue' },
  restricted: { label: '受限', color: 'orange' },
};

export const FIELD_TYPE: Record<string, string> = {
  text: '文本', date: '日期', integer: '整数', decimal: '数值', enum: '枚举', identifier: '证照代码',
};

export const DELIVERY_STATUS: Table = {
  pending: { label: '待投递', color: 'processing' },
  failed: { label: '重试中', color: 'orange' },
  delivered: { label: '已送达', color: 'green' },
  dead: { label: '死信', color: 'red' },
};

/** Human size of a file. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
