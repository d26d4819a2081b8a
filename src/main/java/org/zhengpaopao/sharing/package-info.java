/**
 * Data sharing (数据共享): asks the provincial public data platform whether a certificate's facts or a licence are on
 * record for an applicant, so that the applicant need not bring the paper. One port, an HTTP adapter for the real
 * platform, and a simulator backed by {@code seeds/shared-data.csv} for the default run.
 */
package org.zhengpaopao.sharing;
