package org.zhengpaopao.catalog;

public enum MatterCategory {
	/** 民生事项 */
	LIVELIHOOD,
	/** 涉企事项 */
	ENTERPRISE
}
