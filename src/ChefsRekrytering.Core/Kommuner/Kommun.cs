namespace ChefsRekrytering.Kommuner;

/// <summary>A municipality served by this deployment. Its id is also the id of its leadership policy.</summary>
public class Kommun
{
    public required string Id { get; set; }
    public required string Namn { get; set; }
    /// <summary>Ten digits without a hyphen (2120002411), checked with the Luhn digit; unique when given.</summary>
    public string? Organisationsnummer { get; set; }
    public DateTime SkapadUtc { get; set; }
}

public static class Orgnummer
{
    /// <summary>Ten digits, hyphen and spaces removed, or null when it is not a valid Swedish organisation number.</summary>
    public static string? Normalisera(string? text)
    {
        var digits = new string((text ?? "").Where(c => c != '-' && c != ' ').ToArray());
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit)) return null;
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var d = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return sum % 10 == 0 ? digits : null;
    }
}

/// <summary>Every stored record belongs to exactly one municipality; the DbContext filters on it.</summary>
public interface IKommunEntity
{
    string KommunId { get; set; }
}

/// <summary>Optimistic concurrency: the version changes on every save, so two conflicting writes cannot both win.</summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
