package io.vigil.generate;

import java.util.List;
import java.util.Random;

/**
 * The fictional organisation events are rewritten into: a postal company's hosts, people and addresses.
 * Picks are skewed (a few busy hosts and users, a long tail), as in real estates.
 */
final class Estate {
    private static final List<String> SITES = List.of("hq", "sort", "mail", "dc", "pos", "br");
    private static final List<String> GIVEN = List.of("anna", "binh", "carla", "duc", "elena", "farid", "giang",
            "hoa", "ivan", "julia", "khanh", "linh", "minh", "nadia", "oscar", "phuong", "quang", "rosa", "son", "thu");
    private static final List<String> FAMILY = List.of("nguyen", "tran", "le", "pham", "hoang", "vu", "dang", "bui",
            "do", "ho", "ngo", "duong", "ly", "silva", "weber", "moreau");

    private final Random random;
    private final List<String> hosts;
    private final List<String> users;

    Estate(Random random, int hostCount, int userCount) {
        this.random = random;
        this.hosts = List.copyOf(java.util.stream.IntStream.range(0, hostCount)
                .mapToObj(i -> SITES.get(i % SITES.size()) + "-" + (i % 3 == 0 ? "srv" : "ws") + String.format("%03d", i))
                .toList());
        this.users = List.copyOf(java.util.stream.IntStream.range(0, userCount)
                .mapToObj(i -> GIVEN.get(i % GIVEN.size()) + "." + FAMILY.get((i / GIVEN.size() + i) % FAMILY.size()))
                .toList());
    }

    String host() {
        return hosts.get(skewed(hosts.size()));
    }

    String user() {
        return users.get(skewed(users.size()));
    }

    /** An address inside the organisation. */
    String internalIp() {
        return "10." + (1 + random.nextInt(20)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** An address on the internet (documentation and benchmarking ranges, so nothing real is named). */
    String externalIp() {
        return switch (random.nextInt(3)) {
            case 0 -> "198.51.100." + (1 + random.nextInt(254));
            case 1 -> "203.0.113." + (1 + random.nextInt(254));
            default -> "198.18." + random.nextInt(256) + "." + (1 + random.nextInt(254));
        };
    }

    /** Index in [0, n) with a heavy head: squares of a uniform draw. */
    private int skewed(int n) {
        double u = random.nextDouble();
        return Math.min(n - 1, (int) (u * u * n));
    }
}
