# Sourced by the start-up benchmarks: publishing with Native AOT, and the floor they compare against.

# publish PROJECT_DIR OUT_DIR: a Native AOT Release build for linux-x64.
publish() { dotnet publish "$1" -c Release -r linux-x64 -p:PublishAot=true -o "$2" -nologo -v quiet >/dev/null; }

# publish_hello DIR: a native AOT hello world (same SDK and runtime, offline) built in DIR; prints its path.
publish_hello() {
  mkdir -p "$1"
  cat > "$1/hello.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><PublishAot>true</PublishAot><InvariantGlobalization>true</InvariantGlobalization></PropertyGroup>
</Project>
XML
  echo 'System.Console.WriteLine("hello");' > "$1/Program.cs"
  publish "$1" "$1/out"
  echo "$1/out/hello"
}
