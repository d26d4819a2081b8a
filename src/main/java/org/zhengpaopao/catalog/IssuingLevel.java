package org.zhengpaopao.catalog;

public enum IssuingLevel {
	COUNTY, TOWNSHIP, VILLAGE
}
