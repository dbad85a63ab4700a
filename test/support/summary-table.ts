// Test support: a small, consistent Jilin-style 支出总表 (expenditure summary) to plant mistakes in.
import type { CellValue } from '../../src/core/grid/grid';

export const SUMMARY_HEADER: CellValue[] = ['序号', '科目编码', '功能分类科目名称', '合计', '基本支出', '项目支出'];

/** Data rows 合计 → 类 → 款 → 项 that add up exactly; copy before changing. */
export const CONSISTENT_SUMMARY: readonly CellValue[][] = [
  [1, null, '合计', 1686, 467.5, 1218.5],
  [2, '201', '一般公共服务支出', 1583, 364.5, 1218.5],
  [3, '20103', '政府办公厅（室）及相关机构事务', 1583, 364.5, 1218.5],
  [4, '2010301', '行政运行', 364.5, 364.5, null],
  [5, '2010399', '其他政府办公厅（室）及相关机构事务支出', 1218.5, null, 1218.5],
  [6, '221', '住房保障支出', 103, 103, null],
  [7, '22102', '住房改革支出', 103, 103, null],
  [8, '2210201', '住房公积金', 103, 103, null],
];
