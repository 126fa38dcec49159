package com.trackgeek.api.fuzz;

import java.util.List;
import java.util.Random;

/**
 * What can be done to a query string: a parameter twice, with no value or no name, unknown ones, far too many
 * (Tomcat counts them), a huge one, other separators, a fragment.
 */
final class QueryTricks {

    private QueryTricks() {
    }

    static String apply(Draft draft, Random random) {
        List<String> query = draft.query;
        return switch (random.nextInt(12)) {
            case 0 -> {
                if (query.isEmpty()) {
                    query.add("x=1");
                }
                query.add(query.getFirst().split("=", 2)[0] + "=" + FuzzValues.target(random));
                yield "a parameter twice";
            }
            case 1 -> {
                query.add(query.isEmpty() ? "x" : query.getFirst().split("=", 2)[0]);
                yield "a parameter without '='";
            }
            case 2 -> {
                query.add("=" + FuzzValues.target(random));
                yield "a value without a name";
            }
            case 3 -> {
                query.add("&&=&");
                yield "empty pairs";
            }
            case 4 -> {
                int count = new int[]{200, 1500, 12_000}[random.nextInt(3)];
                for (int i = 0; i < count; i++) {
                    query.add("p" + i + "=" + i);
                }
                yield count + " parameters";
            }
            case 5 -> {
                query.add("big=" + "x".repeat(new int[]{4000, 9000, 70_000, 1_000_000}[random.nextInt(4)]));
                yield "a huge parameter";
            }
            case 6 -> {
                String joined = String.join(";", query);
                query.clear();
                query.add(joined.isEmpty() ? "a=1;b=2" : joined);
                yield "';' between parameters";
            }
            case 7 -> {
                draft.fragment = FuzzValues.target(random);
                yield "a fragment";
            }
            case 8 -> {
                query.add("?");
                yield "a second '?'";
            }
            case 9 -> {
                query.add(FuzzValues.target(random) + "=" + FuzzValues.target(random));
                yield "a hostile name and value";
            }
            case 10 -> {
                query.replaceAll(pair -> pair.replace("=", "%3D"));
                yield "encoded '=' signs";
            }
            default -> {
                query.replaceAll(pair -> pair.toUpperCase(java.util.Locale.ROOT));
                yield "upper-cased parameters";
            }
        };
    }
}
