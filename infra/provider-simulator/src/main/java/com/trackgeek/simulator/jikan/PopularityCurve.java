package com.trackgeek.simulator.jikan;

/**
 * MAL's popularity is an item's position by member count among items of its kind. Interpolated (log-log)
 * between points read off real entries, one curve per kind: manga have far fewer members than anime at
 * the same position.
 */
enum PopularityCurve {

    /** 3.2M members is #3, 766k is #204 (Mushishi), 360k is #557. */
    ANIME(new double[][] {{4_000_000, 1}, {766_000, 204}, {360_000, 557}, {100_000, 1_800}, {10_000, 5_500},
            {1_000, 12_000}, {100, 22_000}}),
    /** From the recorded manga: Jujutsu Kaisen 315k is #14, Fullmetal Alchemist 272k #18, 79.5k #154, 632 #16,948. */
    MANGA(new double[][] {{700_000, 1}, {315_253, 14}, {271_617, 18}, {79_523, 154}, {1_714, 8_648},
            {632, 16_948}, {76, 42_369}, {18, 60_089}});

    /** {members, popularity} pairs, members descending. */
    private final double[][] points;

    PopularityCurve(double[][] points) {
        this.points = points;
    }

    int rankOf(int members) {
        double lowestMembers = points[points.length - 1][0];
        double logMembers = Math.log(Math.max(members, lowestMembers));
        for (int i = 1; i < points.length; i++) {
            double upper = Math.log(points[i - 1][0]);
            double lower = Math.log(points[i][0]);
            if (logMembers >= lower) {
                double t = Math.min(1, (upper - logMembers) / (upper - lower));
                double logPopularity = Math.log(points[i - 1][1])
                        + t * (Math.log(points[i][1]) - Math.log(points[i - 1][1]));
                return Math.max(1, (int) Math.round(Math.exp(logPopularity)));
            }
        }
        return (int) points[points.length - 1][1];
    }
}
