// Label normalization used to compare names and headers.
import { isTotalLabel, labelKey } from '../../src/core/text';

describe('labelKey', () => {
  it.each([
    ['二、外交支出', '外交支出'],
    ['（1）公务用车运行维护费', '公务用车运行维护费'],
    ['其中：（1）公务用车运行维护费', '公务用车运行维护费'],
    ['1、因公出国（境）费用', '因公出国(境)费用'],
    ['政府办公厅（室） 及相关机构事务', '政府办公厅(室)及相关机构事务'],
    ['合 计', '合计'],
    ['三公经费', '三公经费'], // a leading numeral that is part of the name stays
    ['2010301', '2010301'],
  ])('%j → %j', (s, k) => {
    expect(labelKey(s)).toBe(k);
  });
});

describe('isTotalLabel', () => {
  it.each(['合计', '合 计', '总计', '小计'])('%j is a total', (s) => expect(isTotalLabel(s)).toBe(true));
  it.each(['本年收入合计', '合计数额说明', '行政运行'])('%j is not a bare total', (s) => expect(isTotalLabel(s)).toBe(false));
});
