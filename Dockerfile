# Container image of the portal. Build: docker build -t chefsrekrytering .
# Runs on the aspnet runtime image as a non-root user; all settings come from environment variables (see README).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ChefsRekrytering.sln ./
COPY src/ChefsRekrytering.Core/ChefsRekrytering.Core.csproj src/ChefsRekrytering.Core/
COPY src/ChefsRekrytering.Web/ChefsRekrytering.Web.csproj src/ChefsRekrytering.Web/
RUN dotnet restore src/ChefsRekrytering.Web/ChefsRekrytering.Web.csproj
COPY content/ content/
COPY src/ src/
RUN dotnet publish src/ChefsRekrytering.Web/ChefsRekrytering.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Behind the platform's TLS-terminating proxy: listen on 8080, trust its forwarded headers, Secure cookies.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Security__ForwardedHeaders=true \
    Storage__DataFolder=/tmp/chefsrekrytering
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "ChefsRekrytering.Web.dll"]
