package org.candor.readmodel;

import java.util.List;

/**
 * One projection table as the writer sees it: its columns in COPY order and its key. Upserted tables are written
 * through a temporary staging table and merged with {@link #upsertSql()}.
 *
 * @param name    the table's name in the read-model schema
 * @param columns every column, in the order rows are written
 * @param key     the primary key columns
 * @param merge   the ON CONFLICT assignments, or null to overwrite every non-key column
 */
record Table(String name, List<String> columns, List<String> key, String merge) {
    Table {
        columns = List.copyOf(columns);
        key = List.copyOf(key);
        if (!columns.containsAll(key)) {
            throw new IllegalArgumentException("key columns missing from table=" + name);
        }
    }

    static Table of(final String name, final String key, final String... columns) {
        return new Table(name, List.of(columns), List.of(key.split(",")), null);
    }

    Table mergedWith(final String assignments) {
        return new Table(name, columns, key, assignments);
    }

    String stageName() {
        return "stage_" + name;
    }

    String copySql(final String target) {
        return "COPY " + target + " (" + String.join(",", columns) + ") FROM STDIN";
    }

    String createStageSql() {
        return "CREATE TEMP TABLE IF NOT EXISTS " + stageName() + " (LIKE " + name + ") ON COMMIT DELETE ROWS";
    }

    String upsertSql() {
        final String list = String.join(",", columns);
        final StringBuilder sql = new StringBuilder("INSERT INTO ").append(name).append(" (").append(list)
            .append(") SELECT ").append(list).append(" FROM ").append(stageName()).append(" ON CONFLICT (")
            .append(String.join(",", key)).append(") DO UPDATE SET ");
        if (merge != null) {
            return sql.append(merge).toString();
        }
        String separator = "";
        for (final String column : columns) {
            if (!key.contains(column)) {
                sql.append(separator).append(column).append("=EXCLUDED.").append(column);
                separator = ",";
            }
        }
        return sql.toString();
    }

    /** Overwrites every non-key column of stored rows from the staging table. */
    String updateSql() {
        final StringBuilder sql = new StringBuilder("UPDATE ").append(name).append(" t SET ");
        String separator = "";
        for (final String column : columns) {
            if (!key.contains(column)) {
                sql.append(separator).append(column).append("=s.").append(column);
                separator = ",";
            }
        }
        sql.append(" FROM ").append(stageName()).append(" s WHERE ");
        separator = "";
        for (final String column : key) {
            sql.append(separator).append("t.").append(column).append("=s.").append(column);
            separator = " AND ";
        }
        return sql.toString();
    }

    /** The key as an ORDER BY list, so a table reads back in one fixed order (digests, tests). */
    String keyOrder() {
        return String.join(",", key);
    }
}
