/**
 * Who applies: a person (个人) with an ID number, or a company (企业, 法人) with its unified social credit code
 * (统一社会信用代码, GB 32100), a contact person and the contact's phone. One set of rules for every feature that
 * takes an applicant at the window, and one way to say which kind an applicant is (docs/adr/0027-company-applicants.md).
 */
package org.zhengpaopao.applicant;
