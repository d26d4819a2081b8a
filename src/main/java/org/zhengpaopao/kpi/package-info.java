/**
 * KPIs (考核指标) for the reform office and 督考办: the numbers per period and breakdown ({@code GET /api/kpi}), the
 * county rates ({@code GET /api/kpi/rates}), the dashboard page {@code /kpi/} and the monthly report workbook for the
 * working group's monthly meeting ({@code GET /api/kpi/report.xlsx}). Read-only: everything is counted from the
 * proxy-runs' recorded steps, the cases, the ratings and the catalog. Definitions: {@code docs/kpi.md}.
 */
package org.zhengpaopao.kpi;
