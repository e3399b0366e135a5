package org.assure.authority;

import java.util.ArrayList;
import java.util.List;

/** The communication topologies of draft §4.3, as the pairs of devices that get a data channel (devices in list order). */
public enum Topology {
    /** §4.3.1: the first device is the hub, every other device talks to it. */
    STAR,
    /** §4.3.2: each device talks to the next, the last to the first. */
    RING,
    /** §4.3.3: a binary tree in list order, each device talks to its parent. */
    TREE,
    /** §4.3.4: every device talks to every other. */
    FULLY_CONNECTED;

    /** Index pairs {@code [a, b]} (a &lt; b in list order for ring, star and full) for {@code n} devices. */
    public List<int[]> pairs(int n) {
        List<int[]> pairs = new ArrayList<>();
        switch (this) {
            case STAR -> {
                for (int i = 1; i < n; i++) {
                    pairs.add(new int[] {0, i});
                }
            }
            case RING -> {
                for (int i = 0; i + 1 < n; i++) {
                    pairs.add(new int[] {i, i + 1});
                }
                if (n > 2) {
                    pairs.add(new int[] {n - 1, 0});
                }
            }
            case TREE -> {
                for (int i = 1; i < n; i++) {
                    pairs.add(new int[] {(i - 1) / 2, i});
                }
            }
            case FULLY_CONNECTED -> {
                for (int i = 0; i < n; i++) {
                    for (int j = i + 1; j < n; j++) {
                        pairs.add(new int[] {i, j});
                    }
                }
            }
        }
        return pairs;
    }
}
