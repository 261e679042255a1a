package cn.gridwatch.stats;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What a cell looks like now: the cell, its current grid chiefs and officers ({@code grid_duty} rows
 * valid today), active sources by inspection class, active monitoring points by type, complaints
 * received since {@code complaintsSince} (the last 30 days), and problems open now and overdue now
 * (open with a deadline before {@code asOf}). Immutable.
 */
public record GridSummary(
        Cell cell,
        OffsetDateTime asOf,
        List<Person> gridChiefs,
        List<Person> gridOfficers,
        Count sources,
        Count stations,
        int complaints,
        LocalDate complaintsSince,
        int openProblems,
        int overdueProblems) {

    /** The cell: 12-digit code (admin) or overlay code, its short form, name, level, kind, parent. */
    public record Cell(String code, String shortCode, String name, String level, String kind, String parentCode) {
    }

    /** A person on duty, with the day their term began. */
    public record Person(String name, String phone, LocalDate validFrom) {
    }

    /** A total and its breakdown (sources by inspection class, stations by type). */
    public record Count(int total, Map<String, Integer> by) {
    }
}
