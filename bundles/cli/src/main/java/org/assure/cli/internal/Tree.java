package org.assure.cli.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * An indented text tree: {@code name: value} lines, nodes with children one level (two spaces) deeper. Built
 * top-down by the renderers and printed once, so that nothing reaches stdout when rendering fails half-way.
 */
final class Tree {
    private static final String INDENT = "  ";

    private final String text;
    private final List<Tree> children = new ArrayList<>();

    private Tree(String text) {
        this.text = text;
    }

    /** A root node whose line is {@code title}. */
    static Tree root(String title) {
        return new Tree(title);
    }

    /** Adds the leaf {@code name: value}. */
    Tree field(String name, Object value) {
        children.add(new Tree(name + ": " + value));
        return this;
    }

    /** Adds a node {@code name: title} and returns it for its own children. */
    Tree node(String name, String title) {
        Tree child = new Tree(title.isEmpty() ? name + ":" : name + ": " + title);
        children.add(child);
        return child;
    }

    /** Adds a node {@code name:} and returns it. */
    Tree node(String name) {
        return node(name, "");
    }

    /** Adds {@code subtree} under this node, keeping its first line as it is. */
    Tree attach(Tree subtree) {
        children.add(subtree);
        return this;
    }

    /** Adds a subtree and renames its first line to {@code name: <its first line>}. */
    Tree attach(String name, Tree subtree) {
        Tree renamed = new Tree(subtree.text.isEmpty() ? name + ":" : name + ": " + subtree.text);
        renamed.children.addAll(subtree.children);
        children.add(renamed);
        return this;
    }

    /** The lines, each ending in a newline. */
    String render() {
        StringBuilder out = new StringBuilder();
        render(out, 0);
        return out.toString();
    }

    private void render(StringBuilder out, int depth) {
        out.append(INDENT.repeat(depth)).append(text).append('\n');
        for (Tree child : children) {
            child.render(out, depth + 1);
        }
    }
}
