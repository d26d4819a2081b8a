package org.zhengpaopao.proxyrun;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.zhengpaopao.applicant.ApplicantType;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The numbers the kind of applicant needs, named with every other missing field at once: a person's idNumber, a
 * company's creditCode and contactName. Whether they are right is {@link org.zhengpaopao.applicant.Applicant}'s to say.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ApplicantNumbersGiven.Check.class)
@interface ApplicantNumbersGiven {

	String message() default "必填 / is required";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Check implements ConstraintValidator<ApplicantNumbersGiven, ProxyRunController.OpenProxyRunRequest> {

		@Override
		public boolean isValid(ProxyRunController.OpenProxyRunRequest request, ConstraintValidatorContext context) {
			boolean company = request.applicantType() == ApplicantType.COMPANY;
			boolean valid = company ? given(request.creditCode(), "creditCode", context)
					& given(request.contactName(), "contactName", context)
					: given(request.idNumber(), "idNumber", context);
			if (!valid) {
				context.disableDefaultConstraintViolation();
			}
			return valid;
		}

		private static boolean given(String value, String field, ConstraintValidatorContext context) {
			if (value != null && !value.isBlank()) {
				return true;
			}
			context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
				.addPropertyNode(field)
				.addConstraintViolation();
			return false;
		}
	}
}
