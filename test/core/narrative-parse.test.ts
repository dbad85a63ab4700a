// The narrative parser: figures, their labels, shares, year-on-year changes, and which whole each is part of.
import { cleanLabel, parseParagraph } from '../../src/core/narrative/parse';
import { budgetYearMentions } from '../../src/core/narrative/years';

const brief = (text: string) =>
  parseParagraph(text).figures.map((f) => ({
    label: f.label,
    value: f.value.toString(),
    decimals: f.decimals,
    ...(f.share ? { share: `${f.share.value.toString()}/${f.share.decimals}` } : {}),
    ...(f.change ? { change: true } : {}),
    ...(f.head !== undefined ? { head: f.head } : {}),
  }));

describe('parseParagraph', () => {
  it('reads totals, parts and shares of a 其中 sentence', () => {
    expect(brief('2024 年支出预算 1686 万元，其中：基本支出 467.5 万元，占 27.73%；项目支出 1218.9 万元，占 72.27%；事业单位经营支出 0 万元，占 0%。')).toEqual([
      { label: '支出预算', value: '1686', decimals: 0 },
      { label: '基本支出', value: '467.5', decimals: 1, share: '27.73/2', head: 0 },
      { label: '项目支出', value: '1218.9', decimals: 1, share: '72.27/2', head: 0 },
      { label: '事业单位经营支出', value: '0', decimals: 0, share: '0/0', head: 0 },
    ]);
  });

  it('reads OCR-spaced numbers and shares, and the department name and year before a label', () => {
    const f = brief('延津县政务服务和大数据管理局 2024 年一般公共预算支出年初预算为 421. 29 万元。主要用于以下方面:一般公共服务(类)支出 381. 79 万元,占 90. 62%;社会保障和就业(类)支出 18. 84万元,占 4. 47%。');
    expect(f).toEqual([
      { label: '一般公共预算支出年初预算', value: '421.29', decimals: 2 },
      { label: '一般公共服务(类)支出', value: '381.79', decimals: 2, share: '90.62/2', head: 0 },
      { label: '社会保障和就业(类)支出', value: '18.84', decimals: 2, share: '4.47/2', head: 0 },
    ]);
  });

  it('marks year-on-year changes, which cannot be checked', () => {
    const f = brief('延津县政务服务和大数据管理局 2024 年收入总计 421.29 万元, 支出总计 421.29 万元, 与 2023 年预算相比, 收入增加 4.28 万元,增长 1.03%,主要原因:业务增多。');
    expect(f.map((x) => [x.label, x.change ?? false])).toEqual([
      ['收入总计', false],
      ['支出总计', false],
      ['收入增加', true],
    ]);
    expect(brief('2024 年当年预算比 2023 年预算增加 233.41 万元，主要原因是项目预算增加。')[0]).toMatchObject({ change: true });
    // A percentage of growth is not a share (占).
    expect(f[2]!.share).toBeUndefined();
  });

  it('links parts to their whole: 其中 in the next sentence, 支出包括 going on, X中 naming an earlier figure', () => {
    const f = brief('2024 年财政拨款收支总预算 1686 万元。其中：本年收入 1284.21 万元，上年结转 401.78 万元。支出包括：社会保障和就业支出 46.03 万元，住房保障支出 34.52 万元。');
    expect(f.map((x) => [x.label, x.head])).toEqual([
      ['财政拨款收支总预算', undefined],
      ['本年收入', 0],
      ['上年结转', 0],
      ['社会保障和就业支出', 0],
      ['住房保障支出', 0],
    ]);
    const g = brief('2024 年一般公共预算拨款 1686 万元，其中：基本支出 467.5 万元，占 27.73%；项目支出 1218.49 万元，占 72.27%。基本支出中，人员经费 387.75 万元，占 82.94%；公用经费 79.75 万元，占 17.06%。');
    expect(g.map((x) => [x.label, x.head])).toEqual([
      ['一般公共预算拨款', undefined],
      ['基本支出', 0],
      ['项目支出', 0],
      ['人员经费', 1],
      ['公用经费', 1],
    ]);
    // A sentence that starts afresh closes the list.
    const h = brief('2024 年收入预算 1686 万元，其中：本年收入 1284.21 万元。其他收入 0 万元，占 0%。');
    expect(h[2]).toEqual({ label: '其他收入', value: '0', decimals: 0, share: '0/0' });
  });

  it('cleans labels: list marks, 其中, quotes and the year go', () => {
    expect(cleanLabel('3、公务用车购置及运行费')).toBe('公务用车购置及运行费');
    expect(cleanLabel('(一)因公出国(境)费')).toBe('因公出国(境)费');
    expect(cleanLabel('其中：公务用车运行维护费')).toBe('公务用车运行维护费');
    expect(cleanLabel('2024年“三公”经费预算数为')).toBe('三公经费预算数');
    expect(cleanLabel('延津县政务服务和大数据管理局 2024 年收入合计')).toBe('收入合计');
  });

  it('reads full-width digits and thousand separators, and leaves numbers without a unit alone', () => {
    expect(brief('收入总计 １，２８４．２１ 万元，一级项目 3 个，二级项目 18 个。')).toEqual([{ label: '收入总计', value: '1284.21', decimals: 2 }]);
  });
});

describe('budgetYearMentions', () => {
  const years = (t: string) => budgetYearMentions(t).map((m) => m.year);
  it('finds the years a heading or statement gives as the budget year', () => {
    expect(years('九、2022 年国有资本经营预算支出情况')).toEqual([2022]);
    expect(years('本部门无 2022 年政府性基金预算支出情况')).toEqual([2022]);
    expect(years('2024 年收支总预算 1686 万元')).toEqual([2024]);
  });
  it('leaves out comparisons, dates and history', () => {
    expect(years('2023 年当年预算比 2022 年预算增加 0.62 万元')).toEqual([2023]);
    expect(years('截止 2022 年 12 月 31 日，部门本级及所属各预算单位共有车辆 10 辆')).toEqual([]);
    expect(years('从 2018 年起全面实施支出经济分类科目改革')).toEqual([]);
    expect(years('2024 年当年预算数和 2023 年预算数相等')).toEqual([2024]);
    expect(years('2023年期末,共有车辆 0 辆')).toEqual([]);
    expect(years('比2023年实际执行数减少1025.28万元')).toEqual([]);
    expect(years('公务接待费 2024 年预算数与 2023 年 预算保持一致')).toEqual([2024]);
  });
});
