package org.candor.gateway;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves a browser app from the class path, with no build step (decision 0012): its page at {@code /}, its own
 * modules and styles under {@code /assets/} (from {@code web/} in the gateway's jar), and the libraries it imports
 * under {@code /webjars/} (from the WebJars' {@code META-INF/resources/webjars/}, only the ones
 * {@link #WEBJARS} names). The page's import map maps the bare names ({@code preact}, {@code uplot}) to those paths.
 *
 * <p>Headers: a Content-Security-Policy that allows only this origin's scripts plus the page's inline import map by
 * its SHA-256 (computed here from the page, so the two never disagree), no framing, no referrer, no sniffing.
 * WebJar paths carry their version and are cached for a year; the app's own files are revalidated by ETag.
 */
final class WebAppAssets {
    /** The WebJars the apps import; any other path under /webjars/ is not found. */
    static final List<String> WEBJARS = List.of("preact/", "uplot/");
    private static final String APP_ROOT = "web/";
    private static final String WEBJAR_ROOT = "META-INF/resources/webjars/";
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._/-]{0,200}");
    private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>",
        Pattern.DOTALL);
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
        "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml",
        "json", "application/json");
    private static final int NOT_MODIFIED = 304;
    private static final int NOT_FOUND = 404;

    private final String page;
    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    /** @param page the app's page under {@code web/}: {@code index.html} (trader) or {@code console.html} */
    WebAppAssets(final String page) {
        this.page = page;
        if (load(APP_ROOT + page) == null) {
            throw new IllegalStateException("reason=web-page-missing page=" + page);
        }
    }

    void register(final RoutesConfig routes) {
        routes.get("/", ctx -> send(ctx, APP_ROOT + page, false));
        routes.get("/assets/<path>", ctx -> serve(ctx, APP_ROOT, ctx.pathParam("path"), false));
        routes.get("/webjars/<path>", ctx -> {
            final String path = ctx.pathParam("path");
            if (WEBJARS.stream().noneMatch(path::startsWith)) {
                notFound(ctx);
                return;
            }
            serve(ctx, WEBJAR_ROOT, path, true);
        });
    }

    private void serve(final Context ctx, final String root, final String path, final boolean immutable) {
        if (!SAFE_PATH.matcher(path).matches() || path.contains("..") || path.contains("//")
            || type(path) == null) {
            notFound(ctx);
            return;
        }
        send(ctx, root + path, immutable);
    }

    private void send(final Context ctx, final String resource, final boolean immutable) {
        final Asset asset = cache.computeIfAbsent(resource, WebAppAssets::load);
        if (asset == null) {
            cache.remove(resource);
            notFound(ctx);
            return;
        }
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
        ctx.header("ETag", asset.etag());
        if (asset.type().startsWith("text/html")) {
            ctx.header("Content-Security-Policy", asset.contentSecurityPolicy());
            ctx.header("X-Frame-Options", "DENY");
        }
        if (asset.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(NOT_MODIFIED);
            return;
        }
        ctx.contentType(asset.type());
        ctx.result(asset.bytes());
    }

    private static void notFound(final Context ctx) {
        ctx.status(NOT_FOUND);
        Json.send(ctx, Map.of("code", -1000, "msg", "Unknown endpoint GET " + ctx.path() + "."));
    }

    private static String type(final String path) {
        final int dot = path.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(path.substring(dot + 1));
    }

    /** The resource's bytes and headers, or null when the class path has no such file. */
    static Asset load(final String resource) {
        try (InputStream in = WebAppAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            final byte[] bytes = in.readAllBytes();
            final String etag = "\"" + HexFormat.of().formatHex(sha256(bytes), 0, 16) + "\"";
            return new Asset(bytes, type(resource), etag, policy(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("reason=asset-read-failed resource=" + resource, e);
        }
    }

    /** The page's policy: scripts from this origin and the page's own import map (by hash), nothing else. */
    private static String policy(final byte[] bytes) {
        final Matcher importMap = IMPORT_MAP.matcher(new String(bytes, StandardCharsets.UTF_8));
        final String mapHash = importMap.find() ? " 'sha256-" + Base64.getEncoder().encodeToString(
            sha256(importMap.group(1).getBytes(StandardCharsets.UTF_8))) + "'" : "";
        return "default-src 'self'; script-src 'self'" + mapHash + "; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    }

    private static byte[] sha256(final byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file ready to send. */
    record Asset(byte[] bytes, String type, String etag, String contentSecurityPolicy) {
    }
}
