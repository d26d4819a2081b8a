package org.zhengpaopao.proxyrun;

import java.util.List;

/** Open carded runs counted per township and per issuer. */
public record CardCounts(List<Count> byTownship, List<Count> byIssuer) {

	/** @param code township or issuer code */
	public record Count(String code, long yellow, long red) {
	}
}
