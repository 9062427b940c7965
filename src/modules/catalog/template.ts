// A blank Excel template for an info type: the standard's headers in order, code columns formatted
// as text (so Excel cannot turn an 18-character code into a rounded number), and a sheet that says
// what each column takes. Written with exceljs's streaming writer.
import type { FastifyReply } from 'fastify';
import { PassThrough } from 'node:stream';
import type { FieldDef } from '../../domain/fields.js';
import { ACTION_FIELD, OVERRIDE_FIELD } from '../../domain/fields-row.js';
import type { InfoTypeView } from './use-cases.js';

const TYPE_NAMES: Record<FieldDef['type'], string> = { text: '文本', date: '日期（2026-03-15）', integer: '整数', decimal: '数字', enum: '选项', identifier: '代码' };

function explain(f: FieldDef): string {
  const parts = [f.description ?? ''];
  if (f.enum) parts.push(`可选：${f.enum.join('、')}${f.multiple ? '（可多选，用“；”分隔）' : ''}`);
  if (f.identifier) parts.push(f.identifier === 'uscc' ? '18 位统一社会信用代码' : '18 位居民身份证号码');
  if (f.pii) parts.push('个人信息：加密存储，不对外公开');
  return parts.filter(Boolean).join('；');
}

export async function sendInfoTypeTemplate(reply: FastifyReply, type: InfoTypeView): Promise<FastifyReply> {
  const { default: ExcelJS } = await import('exceljs'); // loaded when needed
  const stream = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const fields = [...type.fields, ACTION_FIELD, OVERRIDE_FIELD];
  const sheet = wb.addWorksheet(type.name.slice(0, 31));
  sheet.columns = fields.map((f) => ({ header: f.label, key: f.key, width: Math.max(12, f.label.length * 2 + 2), style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  await sheet.commit();
  const help = wb.addWorksheet('填报说明');
  help.columns = [{ header: '列名', width: 36 }, { header: '必填', width: 8 }, { header: '类型', width: 18 }, { header: '说明', width: 80 }];
  for (const f of fields) help.addRow([f.label, f.required ? '是' : '', TYPE_NAMES[f.type], explain(f)]).commit();
  await help.commit();
  void wb.commit();
  const name = encodeURIComponent(`${type.name}-填报模板.xlsx`);
  return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${type.code}-template.xlsx"; filename*=UTF-8''${name}`).send(stream);
}
