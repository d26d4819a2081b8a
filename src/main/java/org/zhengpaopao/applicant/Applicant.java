package org.zhengpaopao.applicant;

import java.util.Objects;

import org.zhengpaopao.personaldata.IdNumber;
import org.zhengpaopao.personaldata.PersonName;
import org.zhengpaopao.personaldata.PhoneNumber;
import org.zhengpaopao.system.InvalidInputException;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * The applicant of a proxy-run or a case, as stored (embedded in their tables, whose checks hold the same rule as the
 * constructor). A person has a name, an ID number and a phone; a company has its name, its credit code, a contact
 * person and the contact's phone, and no ID number: the phone is always the one the text messages go to and the
 * public pages ask for.
 *
 * @param name        the person's name, or the company's
 * @param idNumber    a person's; null for a company
 * @param creditCode  a company's; null for a person
 * @param contactName who acts for the company; null for a person
 * @param phone       the person's, or the contact's
 */
@Embeddable
public record Applicant(
		@Enumerated(EnumType.STRING) @Column(name = "applicant_type", nullable = false, length = 16) ApplicantType type,
		@Column(name = "applicant_name", nullable = false, length = 64) String name,
		@Column(name = "id_number", length = 18) String idNumber,
		@Column(name = "credit_code", length = 18) String creditCode,
		@Column(name = "contact_name", length = 64) String contactName,
		@Column(name = "phone", nullable = false, length = 11) String phone) {

	/** The kind decides which numbers there are: a stored applicant never mixes a person's and a company's. */
	public Applicant {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(phone, "phone");
		boolean company = type == ApplicantType.COMPANY;
		if (company != (idNumber == null) || company != (creditCode != null) || company != (contactName != null)) {
			throw new IllegalArgumentException("a " + type + " applicant with the wrong numbers");
		}
	}

	/** A person, as stored before companies could apply. */
	public static Applicant person(String name, String idNumber, String phone) {
		return new Applicant(ApplicantType.PERSON, name, idNumber, null, null, phone);
	}

	/**
	 * Checks what a window sent, field by field, naming the first field to correct. A field the other kind of
	 * applicant has is refused rather than ignored: a credit code sent for a person, or an ID number for a company,
	 * means the window picked the wrong kind. An empty field counts as not sent (a form sends its empty inputs).
	 *
	 * @param type null for a person
	 */
	public static Applicant parse(ApplicantType type, String name, String idNumber, String creditCode,
			String contactName, String phone) {
		if (type == ApplicantType.COMPANY) {
			if (given(idNumber)) {
				throw new InvalidInputException("idNumber", "企业申请不填身份证号码（填写统一社会信用代码和联系人）",
						"a company applicant has no ID number; give its credit code and contact person");
			}
			String company = PersonName.parse(name, "applicantName");
			CreditCode code = CreditCode.parse(creditCode, "creditCode");
			String contact = PersonName.parse(contactName, "contactName");
			return new Applicant(ApplicantType.COMPANY, company, null, code.value(), contact,
					PhoneNumber.parse(phone, "phone"));
		}
		if (given(creditCode)) {
			throw new InvalidInputException("creditCode", "个人申请不填统一社会信用代码；企业申请请将 applicantType 选为 COMPANY",
					"a person has no credit code; set applicantType to COMPANY for a company");
		}
		if (given(contactName)) {
			throw new InvalidInputException("contactName", "个人申请不填联系人；企业申请请将 applicantType 选为 COMPANY",
					"a person has no contact person; set applicantType to COMPANY for a company");
		}
		String person = PersonName.parse(name, "applicantName");
		IdNumber id = IdNumber.parse(idNumber, "idNumber");
		return person(person, id.value(), PhoneNumber.parse(phone, "phone"));
	}

	private static boolean given(String field) {
		return field != null && !field.isBlank();
	}

	public boolean isCompany() {
		return type == ApplicantType.COMPANY;
	}

	/** The ID number as staff see it, masked; null for a company. */
	public String maskedIdNumber() {
		return idNumber == null ? null : IdNumber.mask(idNumber);
	}

	/**
	 * What the reports and the supervision list say of the applicant without personal data: 「个人」, or
	 * 「企业：」 and the company's name, which is public.
	 */
	public String kindAndCompany() {
		return isCompany() ? type.label() + "：" + name : type.label();
	}

	/** Never the numbers, should the record reach a log line. */
	@Override
	public String toString() {
		return "Applicant[" + type + (isCompany() ? ", " + name + ", " + creditCode : "") + "]";
	}
}
