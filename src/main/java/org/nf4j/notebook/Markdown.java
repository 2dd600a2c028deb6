package org.nf4j.notebook;

/**
 * Text a notebook shows as Markdown (nf4j's kernel renders it as {@code text/markdown}, with the
 * text itself as the plain-text form).
 *
 * @param text Markdown source
 */
public record Markdown(String text) {
    @Override
    public String toString() {
        return text;
    }
}
