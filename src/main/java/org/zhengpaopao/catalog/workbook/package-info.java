/**
 * The catalog as a workbook (docs/catalog-workbook.md): the published catalog exported to Excel, and an edited
 * workbook read back as a preview, row by row, whose good rows the importer hands to the catalog's review
 * ({@link org.zhengpaopao.catalog.CatalogReview}) as one proposal. Nothing here changes the catalog itself.
 */
package org.zhengpaopao.catalog.workbook;
