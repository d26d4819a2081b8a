package org.zhengpaopao.catalog;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

@RestController
class CatalogController {

	private final Catalog catalog;

	CatalogController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/api/catalog/certificates")
	@Operation(summary = "证明清单 / The certificate catalog, optionally filtered")
	List<CertificateView> certificates(@RequestParam(required = false) Disposition disposition,
			@RequestParam(required = false) IssuingLevel issuingLevel) {
		return catalog.certificates(disposition, issuingLevel).stream().map(CertificateView::of).toList();
	}

	record CertificateView(String code, String name, String issuingDepartmentCode, IssuingLevel issuingLevel,
			String legalBasis, Disposition disposition, String dispositionLabel, String dispositionNote,
			Integer deadlineWorkingDays, int batch) {

		static CertificateView of(Certificate c) {
			return new CertificateView(c.getCode(), c.getName(), c.getIssuingDepartmentCode(), c.getIssuingLevel(),
					c.getLegalBasis(), c.getDisposition(), c.getDisposition().label(), c.getDispositionNote(),
					c.getDeadlineWorkingDays(), c.getBatch());
		}
	}
}
