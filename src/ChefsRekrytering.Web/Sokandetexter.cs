namespace ChefsRekrytering.Web;

/// <summary>The marker of the applicant texts' resources: Resources/Sokandetexter.en.resx holds the English of every
/// Swedish text on the applicant's pages (<see cref="Infrastructure.Sokandesprak"/>), keyed by the Swedish text itself,
/// which is also what Swedish shows. It lies in the root namespace, where the resource's name expects it.</summary>
public sealed class Sokandetexter;
