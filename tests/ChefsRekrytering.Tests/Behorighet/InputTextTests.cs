namespace ChefsRekrytering.Tests.Behorighet;

/// <summary>What <see cref="InputText"/> keeps and takes away, one character class at a time.</summary>
public class InputTextTests
{
    [Theory]
    [InlineData("Åsa Öberg", "Åsa Öberg")]
    [InlineData("Anna\u202Egnp.exe", "Annagnp.exe")] // right-to-left override: shown as "Annaexe.png"
    [InlineData("a\u202Ab\u202Bc\u202Cd\u202De", "abcde")] // embeddings, pop, left-to-right override
    [InlineData("a\u2066b\u2067c\u2068d\u2069e", "abcde")] // isolates
    [InlineData("Ö\u0000berg\u0007\u001b", "Öberg")] // C0
    [InlineData("a\u007fb\u0080c\u009fd", "abcd")] // DEL and C1
    [InlineData("kolumn\tkolumn", "kolumn\tkolumn")] // a tab stays
    [InlineData("rad ett\r\nrad två\nrad tre\rslut", "rad ett rad två rad tre slut")] // one line: a break is a space
    [InlineData("a\u0085b\u2028c\u2029d", "a b c d")]
    [InlineData("O\u0308berg", "Öberg")] // NFC: O + combining diaeresis is the one letter
    [InlineData("\u05E9\u05DC\u05D5\u05DD\u200F (Shalom)", "\u05E9\u05DC\u05D5\u05DD\u200F (Shalom)")] // directional marks stay
    [InlineData("a\u200Db\u00ADc", "a\u200Db\u00ADc")] // joiners and soft hyphens stay
    [InlineData("emoji \U0001F600", "emoji \U0001F600")] // a whole surrogate pair stays
    [InlineData("  mellanslag  ", "  mellanslag  ")] // nothing is trimmed
    [InlineData("", "")]
    public void EnRad(string given, string expected) => Assert.Equal(expected, InputText.SingleLine(given));

    [Theory]
    [InlineData("rad ett\r\nrad två\n\nstycke\rslut", "rad ett\r\nrad två\n\nstycke\rslut")] // breaks stay as typed
    [InlineData("a\u0085b\u2028c\u2029d", "a\nb\nc\nd")]
    [InlineData("rad\u202E ett\u0000\r\nrad\u0007 två", "rad ett\r\nrad två")]
    public void FleraRader(string given, string expected) => Assert.Equal(expected, InputText.MultiLine(given));

    [Fact]
    public void EnEnsamHalvAvEttSurrogatparTasBort() // built here: a theory's data would not carry it unchanged
    {
        Assert.Equal("halv  par", InputText.SingleLine("halv " + '\uD83D' + " par"));
        Assert.Equal("halv  par", InputText.MultiLine("halv " + '\uDE00' + " par"));
    }

    [Fact]
    public void RenTextAterlamnasSomDenAr()
    {
        var text = "Enhetschef hemtjänst, Kalix kommun";
        Assert.Same(text, InputText.SingleLine(text));
        var lang = new string('å', 100_000);
        Assert.Same(lang, InputText.MultiLine(lang));
    }
}
