package org.zhengpaopao.absence;

/**
 * An absence as staff type it: dates as {@code YYYY-MM-DD}, both days included.
 *
 * @param userId  whose absence; null for the caller's own
 * @param standIn who takes the direct assignments meanwhile; optional
 */
public record NewAbsence(String userId, String from, String to, String reason, String standIn) {
}
