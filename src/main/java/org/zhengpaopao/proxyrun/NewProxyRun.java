package org.zhengpaopao.proxyrun;

/** A proxy-run request taken at a window. */
public record NewProxyRun(String applicantName, String idNumber, String phone, String townshipCode,
		String villageCode, String certificateCode, String usingDepartmentCode, boolean authorizedAtWindow) {
}
