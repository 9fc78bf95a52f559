package org.candor.readmodel;

/**
 * Where a PostgreSQL server is and who to log in as: an external server in production, or the embedded one.
 *
 * @param jdbcUrl  a {@code jdbc:postgresql://host:port/database} URL
 * @param user     the login role
 * @param password its password, empty when the server trusts local connections (the embedded one)
 */
public record PostgresEndpoint(String jdbcUrl, String user, String password) {
    public PostgresEndpoint {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: url=" + jdbcUrl);
        }
        if (user == null || user.isEmpty()) {
            throw new IllegalArgumentException("a PostgreSQL endpoint needs a user");
        }
        password = password == null ? "" : password;
    }

    @Override
    public String toString() {
        return "PostgresEndpoint[jdbcUrl=" + jdbcUrl + ", user=" + user + "]";
    }
}
