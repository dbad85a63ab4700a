// The labels of performance forms (绩效目标表): isFormLabel knows every one, however it is printed, and only those.
import { isFormLabel } from '../../src/core/recognize/fields';

/** Every label the forms use, once each alternative of the list in src/core/recognize/fields.ts. */
const LABELS = [
  '项目名称',
  '项目级次',
  '项目类别',
  '项目属性',
  '主管部门及编码',
  '主管部门',
  '实施单位',
  '项目资金',
  '项目资金(万元)',
  '年度资金总额',
  '其中:财政拨款',
  '其中：财政拨款',
  '财政拨款',
  '其他资金',
  '资金总额',
  '项目负责人',
  '联系电话',
  '年度绩效目标',
  '绩效指标',
  '部门(单位)名称',
];

/** The ways a label is printed: spaced out, numbered, in full-width brackets. */
const printed = (label: string): string[] => [
  label,
  ` ${label} `,
  [...label].join(' '),
  `1、${label}`,
  `（一）${label}`,
  label.replace(/\(/g, '（').replace(/\)/g, '）'),
];

describe('isFormLabel', () => {
  it('knows every label however it is printed', () => {
    for (const label of LABELS) for (const text of printed(label)) expect([text, isFormLabel(text)]).toEqual([text, true]);
  });

  it('takes no value for a label: amounts, names, other words', () => {
    for (const text of ['', '17.30', '1,234.56', '某某局', '道路维修工程', '项目名称说明', '资金', '部门', '年度', '绩效', '100%'])
      expect([text, isFormLabel(text)]).toEqual([text, false]);
  });
});
