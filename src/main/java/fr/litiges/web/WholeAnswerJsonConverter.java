package fr.litiges.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;
import fr.litiges.decision.api.Decision;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's JSON converter (the application's mapper), which sends a decision's answer of up to
 * {@link #WHOLE_UP_TO} bytes whole, with its Content-Length, in one write: Jackson's own
 * writing flushes at the end, which made the server send every answer chunked, its 14 KB decision
 * in several writes through the response's wrappers. A larger answer (a batch) is streamed as
 * before once it passes that size, so memory stays bounded. The bytes are those Jackson writes.
 */
final class WholeAnswerJsonConverter extends JacksonJsonHttpMessageConverter {
    /** Above a decision with a full trace (14 KB for the benchmark's), below what a batch needs. */
    static final int WHOLE_UP_TO = 64 * 1024;

    WholeAnswerJsonConverter(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    protected void writeInternal(Object object, ResolvableType type, HttpOutputMessage message, Map<String, Object> hints) throws IOException {
        if (!(object instanceof Decision)) {
            // Other answers as before: a batch's answer, complete for its caller only once the request
            // has ended, keeps the batch gate closed until then (sent whole, the next batch could arrive first and get a 503).
            super.writeInternal(object, type, message, hints);
            return;
        }
        WholeAnswer whole = new WholeAnswer(message);
        super.writeInternal(object, type, whole, hints);
        whole.send();
    }

    /** The answer kept in memory until it is complete, or until it passes {@link #WHOLE_UP_TO}. */
    private static final class WholeAnswer extends OutputStream implements HttpOutputMessage {
        private final HttpOutputMessage message;
        private byte[] bytes = new byte[16 * 1024];
        private int count;
        private OutputStream streaming;

        WholeAnswer(HttpOutputMessage message) {
            this.message = message;
        }

        @Override
        public HttpHeaders getHeaders() {
            return message.getHeaders();
        }

        @Override
        public OutputStream getBody() {
            return this;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (streaming != null) {
                streaming.write(b, off, len);
                return;
            }
            if (count + len > WHOLE_UP_TO) {
                // Too large to hold: what is held goes out, the rest follows as it is written.
                streaming = message.getBody();
                streaming.write(bytes, 0, count);
                streaming.write(b, off, len);
                bytes = null;
                return;
            }
            if (count + len > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(WHOLE_UP_TO, Math.max(bytes.length * 2, count + len)));
            }
            System.arraycopy(b, off, bytes, count, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            // Only a streamed answer is flushed as it goes; a held one is sent whole by send().
            if (streaming != null) {
                streaming.flush();
            }
        }

        /** Sends the held answer with its length; a streamed one is already on its way. */
        void send() throws IOException {
            if (streaming == null) {
                message.getHeaders().setContentLength(count);
                message.getBody().write(bytes, 0, count);
            }
        }
    }
}
