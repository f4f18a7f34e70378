namespace CampaignEngine.Calendar;

/// <summary>
/// The Sun's apparent geocentric ecliptic longitude, after J. Meeus, <i>Astronomical Algorithms</i>
/// (2nd ed.), ch. 25 "higher accuracy" and ch. 27: Earth's heliocentric longitude from the VSOP87
/// series as truncated in Meeus' Appendix III, the FK5 correction, nutation in longitude (ch. 22,
/// the 0.5″ short form) and aberration. Accurate to about 1″, i.e. solar-term moments to within a
/// minute — plenty to put a term on the right day except when it falls within a minute of midnight.
/// </summary>
internal static class SolarLongitude
{
    private const double J2000 = 2451545.0;
    private static readonly DateTime J2000Moment = new(2000, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>The UTC moment near <paramref name="guess"/> when the apparent longitude equals <paramref name="targetDegrees"/>.</summary>
    public static DateTime MomentReaching(double targetDegrees, DateTime guess)
    {
        var deltaTDays = DeltaTSeconds(guess.Year + ((guess.DayOfYear - 0.5) / 365.25)) / 86400.0;
        var jde = J2000 + (guess - J2000Moment).TotalDays + deltaTDays;

        // Meeus ch. 27: the Sun moves ~1°/day, so 58·sin(target − λ) days converges in a few steps.
        for (var i = 0; i < 50; i++)
        {
            var correction = 58.0 * Math.Sin(DegreesToRadians(targetDegrees - ApparentDegrees(jde)));
            jde += correction;
            if (Math.Abs(correction) < 1e-7)
            {
                break;
            }
        }

        var universalDays = jde - deltaTDays - J2000;
        return J2000Moment.AddTicks((long)Math.Round(universalDays * TimeSpan.TicksPerDay));
    }

    /// <summary>Apparent longitude in degrees [0, 360) at a Julian Ephemeris Day.</summary>
    public static double ApparentDegrees(double jde)
    {
        var tau = (jde - J2000) / 365250.0;  // Julian millennia, the VSOP87 time argument
        var t = tau * 10.0;                  // Julian centuries

        var heliocentric = (Series(L0, tau)
            + (Series(L1, tau) * tau)
            + (Series(L2, tau) * tau * tau)
            + (Series(L3, tau) * tau * tau * tau)
            + (Series(L4, tau) * tau * tau * tau * tau)
            + (Series(L5, tau) * tau * tau * tau * tau * tau)) / 1e8;
        var radius = (Series(R0, tau) + (Series(R1, tau) * tau)) / 1e8;

        var geometric = RadiansToDegrees(heliocentric) + 180.0;
        const double fk5Arcsec = -0.09033;

        var omega = DegreesToRadians(125.04452 - (1934.136261 * t));
        var sunMean = DegreesToRadians(280.4665 + (36000.7698 * t));
        var moonMean = DegreesToRadians(218.3165 + (481267.8813 * t));
        var nutationArcsec = (-17.20 * Math.Sin(omega)) - (1.32 * Math.Sin(2 * sunMean))
            - (0.23 * Math.Sin(2 * moonMean)) + (0.21 * Math.Sin(2 * omega));
        var aberrationArcsec = -20.4898 / radius;

        var apparent = geometric + ((fk5Arcsec + nutationArcsec + aberrationArcsec) / 3600.0);
        return ((apparent % 360.0) + 360.0) % 360.0;
    }

    /// <summary>
    /// TT − UT in seconds: the polynomial fits of Espenak &amp; Meeus (NASA, "Polynomial expressions
    /// for Delta T"). About a minute in our range; it moves a term's moment by that much, no more.
    /// </summary>
    internal static double DeltaTSeconds(double year)
    {
        double t;
        switch (year)
        {
            case < 1920:
                t = year - 1900;
                return -2.79 + (1.494119 * t) - (0.0598939 * t * t) + (0.0061966 * t * t * t) - (0.000197 * t * t * t * t);
            case < 1941:
                t = year - 1920;
                return 21.20 + (0.84493 * t) - (0.076100 * t * t) + (0.0020936 * t * t * t);
            case < 1961:
                t = year - 1950;
                return 29.07 + (0.407 * t) - (t * t / 233) + (t * t * t / 2547);
            case < 1986:
                t = year - 1975;
                return 45.45 + (1.067 * t) - (t * t / 260) - (t * t * t / 718);
            case < 2005:
                t = year - 2000;
                return 63.86 + (0.3345 * t) - (0.060374 * t * t) + (0.0017275 * t * t * t)
                    + (0.000651814 * t * t * t * t) + (0.00002373599 * t * t * t * t * t);
            case < 2050:
                t = year - 2000;
                return 62.92 + (0.32217 * t) + (0.005589 * t * t);
            default:
                var u = (year - 1820) / 100;
                return -20 + (32 * u * u) - (0.5628 * (2150 - year));
        }
    }

    private static double Series(double[,] terms, double tau)
    {
        var sum = 0.0;
        for (var i = 0; i < terms.GetLength(0); i++)
        {
            sum += terms[i, 0] * Math.Cos(terms[i, 1] + (terms[i, 2] * tau));
        }

        return sum;
    }

    private static double DegreesToRadians(double degrees) => degrees * Math.PI / 180.0;

    private static double RadiansToDegrees(double radians) => radians * 180.0 / Math.PI;

    // VSOP87 (Bretagnon & Francou 1988), Earth, heliocentric longitude L and radius R, truncated as in
    // Meeus Appendix III: amplitude (1e-8 rad or AU), phase (rad), frequency (rad per millennium).
    private static readonly double[,] L0 =
    {
        { 175347046, 0, 0 }, { 3341656, 4.6692568, 6283.07585 }, { 34894, 4.6261, 12566.1517 },
        { 3497, 2.7441, 5753.3849 }, { 3418, 2.8289, 3.5231 }, { 3136, 3.6277, 77713.7715 },
        { 2676, 4.4181, 7860.4194 }, { 2343, 6.1352, 3930.2097 }, { 1324, 0.7425, 11506.7698 },
        { 1273, 2.0371, 529.691 }, { 1199, 1.1096, 1577.3435 }, { 990, 5.233, 5884.927 },
        { 902, 2.045, 26.298 }, { 857, 3.508, 398.149 }, { 780, 1.179, 5223.694 },
        { 753, 2.533, 5507.553 }, { 505, 4.583, 18849.228 }, { 492, 4.205, 775.523 },
        { 357, 2.92, 0.067 }, { 317, 5.849, 11790.629 }, { 284, 1.899, 796.298 },
        { 271, 0.315, 10977.079 }, { 243, 0.345, 5486.778 }, { 206, 4.806, 2544.314 },
        { 205, 1.869, 5573.143 }, { 202, 2.458, 6069.777 }, { 156, 0.833, 213.299 },
        { 132, 3.411, 2942.463 }, { 126, 1.083, 20.775 }, { 115, 0.645, 0.98 },
        { 103, 0.636, 4694.003 }, { 102, 0.976, 15720.839 }, { 102, 4.267, 7.114 },
        { 99, 6.21, 2146.17 }, { 98, 0.68, 155.42 }, { 86, 5.98, 161000.69 },
        { 85, 1.3, 6275.96 }, { 85, 3.67, 71430.7 }, { 80, 1.81, 17260.15 },
        { 79, 3.04, 12036.46 }, { 75, 1.76, 5088.63 }, { 74, 3.5, 3154.69 },
        { 74, 4.68, 801.82 }, { 70, 0.83, 9437.76 }, { 62, 3.98, 8827.39 },
        { 61, 1.82, 7084.9 }, { 57, 2.78, 6286.6 }, { 56, 4.39, 14143.5 },
        { 56, 3.47, 6279.55 }, { 52, 0.19, 12139.55 }, { 52, 1.33, 1748.02 },
        { 51, 0.28, 5856.48 }, { 49, 0.49, 1194.45 }, { 41, 5.37, 8429.24 },
        { 41, 2.4, 19651.05 }, { 39, 6.17, 10447.39 }, { 37, 6.04, 10213.29 },
        { 37, 2.57, 1059.38 }, { 36, 1.71, 2352.87 }, { 36, 1.78, 6812.77 },
        { 33, 0.59, 17789.85 }, { 30, 0.44, 83996.85 }, { 30, 2.74, 1349.87 },
        { 25, 3.16, 4690.48 },
    };

    private static readonly double[,] L1 =
    {
        { 628331966747, 0, 0 }, { 206059, 2.678235, 6283.07585 }, { 4303, 2.6351, 12566.1517 },
        { 425, 1.59, 3.523 }, { 119, 5.796, 26.298 }, { 109, 2.966, 1577.344 },
        { 93, 2.59, 18849.23 }, { 72, 1.14, 529.69 }, { 68, 1.87, 398.15 },
        { 67, 4.41, 5507.55 }, { 59, 2.89, 5223.69 }, { 56, 2.17, 155.42 },
        { 45, 0.4, 796.3 }, { 36, 0.47, 775.52 }, { 29, 2.65, 7.11 },
        { 21, 5.34, 0.98 }, { 19, 1.85, 5486.78 }, { 19, 4.97, 213.3 },
        { 17, 2.99, 6275.96 }, { 16, 0.03, 2544.31 }, { 16, 1.43, 2146.17 },
        { 15, 1.21, 10977.08 }, { 12, 2.83, 1748.02 }, { 12, 3.26, 5088.63 },
        { 12, 5.27, 1194.45 }, { 12, 2.08, 4694 }, { 11, 0.77, 553.57 },
        { 10, 1.3, 6286.6 }, { 10, 4.24, 1349.87 }, { 9, 2.7, 242.73 },
        { 9, 5.64, 951.72 }, { 8, 5.3, 2352.87 }, { 6, 2.65, 9437.76 },
        { 6, 4.67, 4690.48 },
    };

    private static readonly double[,] L2 =
    {
        { 52919, 0, 0 }, { 8720, 1.0721, 6283.0758 }, { 309, 0.867, 12566.152 },
        { 27, 0.05, 3.52 }, { 16, 5.19, 26.3 }, { 16, 3.68, 155.42 },
        { 10, 0.76, 18849.23 }, { 9, 2.06, 77713.77 }, { 7, 0.83, 775.52 },
        { 5, 4.66, 1577.34 }, { 4, 1.03, 7.11 }, { 4, 3.44, 5573.14 },
        { 3, 5.14, 796.3 }, { 3, 6.05, 5507.55 }, { 3, 1.19, 242.73 },
        { 3, 6.12, 529.69 }, { 3, 0.31, 398.15 }, { 3, 2.28, 553.57 },
        { 2, 4.38, 5223.69 }, { 2, 3.75, 0.98 },
    };

    private static readonly double[,] L3 =
    {
        { 289, 5.844, 6283.076 }, { 35, 0, 0 }, { 17, 5.49, 12566.15 },
        { 3, 5.2, 155.42 }, { 1, 4.72, 3.52 }, { 1, 5.3, 18849.23 }, { 1, 5.97, 242.73 },
    };

    private static readonly double[,] L4 = { { 114, 3.142, 0 }, { 8, 4.13, 6283.08 }, { 1, 3.84, 12566.15 } };

    private static readonly double[,] L5 = { { 1, 3.14, 0 } };

    // Only the largest radius terms: R enters through aberration (20.5″/R), where 1e-4 AU is 0.002″.
    private static readonly double[,] R0 =
    {
        { 100013989, 0, 0 }, { 1670700, 3.0984635, 6283.07585 }, { 13956, 3.05525, 12566.1517 },
        { 3084, 5.1985, 77713.7715 }, { 1628, 1.1739, 5753.3849 }, { 1576, 2.8469, 7860.4194 },
    };

    private static readonly double[,] R1 = { { 103019, 1.10749, 6283.07585 }, { 1721, 1.0644, 12566.1517 } };
}
