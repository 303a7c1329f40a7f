package org.podloop.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies of {@code /api/**}, {@code /engine-rest/**} and the webapps' engine API
 * ({@code /camunda/api/**}): JSON at {@code podloop.api.max-body} (1 MiB), the CSV import at
 * {@code podloop.import.max-body}, a process deployment (Camunda Modeler) at
 * {@code podloop.processes.max-deployment}. A declared length over the cap is refused before reading; a
 * chunked body is cut off when it passes the cap. Either way: 400 naming {@code body}.
 */
@Component
class RequestBodyLimit extends OncePerRequestFilter {

    static final String IMPORT_PATH = "/api/snapshots/import";
    static final String DEPLOYMENT_PATH = "/engine-rest/deployment/create";
    private static final List<String> LIMITED = List.of("/api/", "/engine-rest/", "/camunda/api/");

    private final long jsonLimit;
    private final long importLimit;
    private final long deploymentLimit;
    private final ObjectMapper json;

    RequestBodyLimit(ApiProperties properties, ObjectMapper json) {
        this.jsonLimit = properties.api().maxBody().toBytes();
        this.importLimit = properties.csvImport().maxBody().toBytes();
        this.deploymentLimit = properties.processes().maxDeployment().toBytes();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return LIMITED.stream().noneMatch(request.getRequestURI()::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        long limit =
                path.equals(IMPORT_PATH) ? importLimit : path.equals(DEPLOYMENT_PATH) ? deploymentLimit : jsonLimit;
        if (request.getContentLengthLong() > limit) {
            refusal(tooLarge(limit)).writeTo(response, json);
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    /** The answer to a body over its cap, whether refused here or cut off while it is read. */
    static Problems refusal(String detail) {
        return Problems.of(HttpStatus.BAD_REQUEST, "Body too large", detail).field("body");
    }

    static String tooLarge(long limit) {
        return "body: larger than " + DataSize.ofBytes(limit).toKilobytes() + " KiB";
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) throws BodyTooLargeException {
                    read += n;
                    if (read > limit) {
                        throw new BodyTooLargeException(tooLarge(limit));
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
