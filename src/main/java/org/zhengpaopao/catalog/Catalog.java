package org.zhengpaopao.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalog feature's API. */
@Service
@Transactional(readOnly = true)
public class Catalog {

	private final CertificateRepository certificates;

	Catalog(CertificateRepository certificates) {
		this.certificates = certificates;
	}

	public Optional<Certificate> certificate(String code) {
		return certificates.findById(code);
	}

	public List<Certificate> certificates(Disposition disposition, IssuingLevel issuingLevel) {
		Specification<Certificate> spec = (root, query, cb) -> cb.conjunction();
		if (disposition != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("disposition"), disposition));
		}
		if (issuingLevel != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("issuingLevel"), issuingLevel));
		}
		return certificates.findAll(spec, Sort.by("code"));
	}
}
