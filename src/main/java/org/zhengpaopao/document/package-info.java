/**
 * Documents that travel electronically, such as a proxy-run's issued certificate: {@link Documents} checks an upload
 * by its content (PDF, JPEG or PNG, at most {@code zhengpaopao.documents.max-size}), keeps it with its SHA-256 behind a
 * storage port ({@code DocumentContentStore}, the database for now), hands out only copies stamped with their purpose
 * on every page, records each copy handed out, and deletes the content once the owner's retention period after it
 * ended has run out, keeping the record (docs/adr/0032-certificate-documents.md).
 */
package org.zhengpaopao.document;
