/**
 * Personal data: the ID number (GB 11643 check digit, masked), the phone number and the person's name as types that
 * validate and mask themselves, and the audit of every view of unmasked personal data ({@code PersonalDataViews}).
 */
package org.zhengpaopao.personaldata;
