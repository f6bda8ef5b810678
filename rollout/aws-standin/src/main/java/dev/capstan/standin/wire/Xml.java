package dev.capstan.standin.wire;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * A tiny XML writer. Written by hand on purpose: no library speaks the AWS Query / EC2 Query response formats on the
 * server side (the SDKs only parse them), and the shapes are small and fixed, so a writer that escapes text and
 * closes elements in order is all that is needed.
 */
public final class Xml {

    private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    private final Deque<String> open = new ArrayDeque<>();

    public Xml start(String name) {
        out.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    public Xml start(String name, String namespace) {
        out.append('<').append(name).append(" xmlns=\"").append(escape(namespace)).append("\">");
        open.push(name);
        return this;
    }

    public Xml end() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** Writes each item in its own element ({@code member} for Auto Scaling, {@code item} for EC2) inside {@code list}. */
    public <T> Xml list(String list, String element, Iterable<T> items, Consumer<T> writeItem) {
        start(list);
        for (T item : items) {
            start(element);
            writeItem.accept(item);
            end();
        }
        return end();
    }

    /** Writes {@code <name>value</name>}; skips it when value is null, as AWS omits absent members. */
    public Xml leaf(String name, Object value) {
        if (value == null) {
            return this;
        }
        String text = value instanceof Instant i ? timestamp(i) : value.toString();
        out.append('<').append(name).append('>').append(escape(text)).append("</").append(name).append('>');
        return this;
    }

    public static String timestamp(Instant i) {
        return DateTimeFormatter.ISO_INSTANT.format(i.truncatedTo(ChronoUnit.MILLIS));
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                case '\r' -> b.append("&#xD;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }
}
