using System.Globalization;

namespace ChefsRekrytering.Calendar;

/// <summary>
/// The days a date that a person gives may fall on, the first and the last included. A command checks its dates against
/// its window before it reckons with them, so a slip of the keyboard (0001-01-01, 9999-12-31) is a Swedish refusal and
/// never an overflow.
/// </summary>
public readonly record struct Datumfonster(DateOnly Forst, DateOnly Sist)
{
    /// <summary>What any date field accepts at all: the portal's records begin in this century, and no plan reaches the next.</summary>
    public static readonly Datumfonster Rimligt = new(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));

    /// <summary>From <paramref name="arBakat"/> years before <paramref name="idag"/> to <paramref name="arFramat"/> years after it.</summary>
    public static Datumfonster Kring(DateOnly idag, int arBakat, int arFramat) => new(idag.AddYears(-arBakat), idag.AddYears(arFramat));

    public bool Rymmer(DateOnly datum) => datum >= Forst && datum <= Sist;

    /// <summary>For a method that reckons with a date its caller should have checked: a programming error, not a refusal.</summary>
    public DateOnly Krav(DateOnly datum, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(datum))] string? namn = null) =>
        Rymmer(datum) ? datum : throw new ArgumentOutOfRangeException(namn, datum, $"Datumet ska ligga {Text}.");

    /// <summary>"mellan 2025-12-02 och 2028-12-02", for the sentence that refuses a date.</summary>
    public string Text => string.Create(CultureInfo.InvariantCulture, $"mellan {Forst:yyyy-MM-dd} och {Sist:yyyy-MM-dd}");
}
