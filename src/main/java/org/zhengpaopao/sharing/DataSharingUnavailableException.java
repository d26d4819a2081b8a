package org.zhengpaopao.sharing;

/** The platform did not answer; nothing was decided. */
public class DataSharingUnavailableException extends RuntimeException {

	public DataSharingUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}
}
