package org.zhengpaopao.organization;

public enum DivisionType {
	/** 街道 */
	SUBDISTRICT,
	/** 镇 */
	TOWN,
	/** 乡 */
	TOWNSHIP,
	/** 村、社区 */
	VILLAGE;

	boolean isTownshipLevel() {
		return this != VILLAGE;
	}
}
