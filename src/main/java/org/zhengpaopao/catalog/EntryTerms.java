package org.zhengpaopao.catalog;

import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.system.Text;

/**
 * How a matter treats one certificate: the part of a catalog entry a maintainer decides.
 *
 * @param detail the reason (cancelled), the data source (shared), the licence or the commitment's text (replaced),
 *               or a note (proxy-run)
 */
public record EntryTerms(Disposition disposition, Replacement replacement, String detail,
		Integer deadlineWorkingDays, String legalBasis) {

	static final int MAX_DETAIL = 1000;
	static final int MAX_LEGAL_BASIS = 512;

	/** Checks the terms as a maintainer submitted them, naming the field at fault. */
	public EntryTerms {
		if (disposition == null) {
			throw new InvalidInputException("disposition", "请选择处理方式（CANCELLED/SHARED/REPLACED/PROXY）",
					"choose a disposition");
		}
		detail = Text.optional(detail, "detail", MAX_DETAIL, true);
		legalBasis = Text.optional(legalBasis, "legalBasis", MAX_LEGAL_BASIS, true);
		if (detail.isEmpty()) {
			throw new InvalidInputException("detail", switch (disposition) {
				case CANCELLED -> "请写明取消理由";
				case SHARED -> "请写明共享数据来源";
				case REPLACED -> "请写明替代的证照或告知承诺书内容";
				case PROXY -> "请写明代跑说明";
			}, "is required for " + disposition);
		}
		if ((disposition == Disposition.REPLACED) != (replacement != null)) {
			throw new InvalidInputException("replacement", "仅「替代」须选择替代方式（LICENCE 证照 / COMMITMENT 告知承诺）",
					"a replacement is given exactly when the disposition is REPLACED");
		}
		if (disposition == Disposition.PROXY) {
			if (deadlineWorkingDays == null || deadlineWorkingDays < 1 || deadlineWorkingDays > 60) {
				throw new InvalidInputException("deadlineWorkingDays", "代跑须有办结时限（1至60个工作日）",
						"a proxy-run needs a deadline of 1 to 60 working days");
			}
		}
		else if (deadlineWorkingDays != null) {
			throw new InvalidInputException("deadlineWorkingDays", "只有「代跑」才有办结时限",
					"only a proxy-run has a deadline");
		}
	}

	/** Satisfied by the ID card alone: nothing to bring, sign or wait for. */
	public boolean satisfiedByIdCard() {
		return disposition == Disposition.CANCELLED || disposition == Disposition.SHARED
				|| replacement == Replacement.LICENCE;
	}
}
