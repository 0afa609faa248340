@echo off
rem manabi.cmd: starts Manabi on Windows: the workbench, or a headless sub-command
rem ("manabi --help" lists them). There is no native launcher: this script finds Java 21+ and runs
rem the Equinox launcher jar with the product's configuration.
setlocal EnableExtensions DisableDelayedExpansion
set "PRODUCT=%~dp0"
set "PRODUCT=%PRODUCT:~0,-1%"

rem Java: JAVA_HOME when it is 21+, else the newest 21+ where the usual installers put it.
set "MANABI_JAVA="
set "BEST_MAJOR=0"
if defined JAVA_HOME call :consider "%JAVA_HOME%"
if not defined MANABI_JAVA (
  for %%R in ("%ProgramFiles%\Eclipse Adoptium" "%ProgramFiles%\Java" "%ProgramFiles%\Microsoft" "%ProgramFiles%\Zulu" "%ProgramFiles%\Amazon Corretto" "%ProgramFiles%\BellSoft" "%ProgramFiles%\OpenJDK" "%LOCALAPPDATA%\Programs\Eclipse Adoptium" "%USERPROFILE%\.jdks") do (
    if exist "%%~R\" for /d %%J in ("%%~R\*") do call :consider "%%~J"
  )
)
if not defined MANABI_JAVA (
  echo Manabi needs Java 21 or newer; JAVA_HOME is "%JAVA_HOME%" and none was found in the usual places. 1>&2
  echo Install Eclipse Temurin 21+ from https://adoptium.net/ ^(or "winget install EclipseAdoptium.Temurin.21.JDK"^), 1>&2
  echo or set JAVA_HOME to a Java 21+ installation. 1>&2
  rem started without arguments (a double-click): keep the window open so that the message can be read
  if "%~1"=="" pause
  exit /b 1
)

set "LAUNCHER="
for %%L in ("%PRODUCT%\plugins\org.eclipse.equinox.launcher_*.jar") do set "LAUNCHER=%%~fL"
if not defined LAUNCHER (
  echo manabi: "%PRODUCT%\plugins" holds no org.eclipse.equinox.launcher jar; is this an unpacked Manabi archive? 1>&2
  exit /b 1
)

rem The sub-command is the first argument after the platform options (-nl ja, -clearPersistedState,
rem -consoleLog), which the platform reads wherever they stand.
set "COMMAND="
set "SKIP="
for %%A in (%*) do call :command_of "%%~A"

set "APPLICATION=org.manabi.app.cli"
set "DATA=@none"
set "LEVEL=warn"
if "%COMMAND%"=="" set "APPLICATION=org.manabi.app.workbench"
if "%COMMAND%"=="--content" set "APPLICATION=org.manabi.app.workbench"
if "%COMMAND%"=="--data" set "APPLICATION=org.manabi.app.workbench"
if "%COMMAND:~0,10%"=="--content=" set "APPLICATION=org.manabi.app.workbench"
if "%COMMAND:~0,7%"=="--data=" set "APPLICATION=org.manabi.app.workbench"
if "%APPLICATION%"=="org.manabi.app.workbench" (set "DATA=@noDefault" & set "LEVEL=info")
if "%COMMAND%"=="serve" set "LEVEL=info"
if defined MANABI_LOG_LEVEL set "LEVEL=%MANABI_LOG_LEVEL%"
rem serve: a small heap, the serial collector and the C1 compiler only (see the Linux script); the
rem workbench may use a gigabyte
set "HEAP=-Xmx1g"
if "%COMMAND%"=="serve" set "HEAP=-Xms32m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
rem index: 512 MB whatever the PDFs, no C2 compiler for a run of seconds to minutes, and the serial
rem collector (see the Linux script)
if "%COMMAND%"=="index" set "HEAP=-Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"

rem logback (configured by the org.manabi.logging fragment): one logfmt record per line on stderr
set JAVA_OPTIONS=%HEAP% "-Djava.util.logging.config.file=%PRODUCT%\logging.properties" ^
 "-Dmanabi.log.level=%LEVEL%"
rem MANABI_JAVA_OPTIONS: Java options of the site's own (see the Linux script), after these, so they win
if defined MANABI_JAVA_OPTIONS set JAVA_OPTIONS=%JAVA_OPTIONS% %MANABI_JAVA_OPTIONS%
set PLATFORM_OPTIONS=-configuration "%PRODUCT%\configuration" -data %DATA% -application %APPLICATION%

if not "%APPLICATION%"=="org.manabi.app.workbench" goto run_command
rem The language chosen in Window > Preferences > Manabi: the platform takes it as -nl, before Manabi
rem runs, so it is read here from the preferences of the workbench state folder
rem (%USERPROFILE%\.manabi\workbench, or the one of --data DIR), as the Linux and macOS script does;
rem an -nl on the command line wins.
set "NL_OPTION="
call :language_preference %*
rem the workbench gets its own window and no console: javaw, not waited for
start "Manabi" "%MANABI_JAVA%\bin\javaw.exe" %JAVA_OPTIONS% -jar "%LAUNCHER%" %PLATFORM_OPTIONS% %NL_OPTION% %*
exit /b 0

:run_command
"%MANABI_JAVA%\bin\java.exe" %JAVA_OPTIONS% -jar "%LAUNCHER%" %PLATFORM_OPTIONS% %*
exit /b %ERRORLEVEL%

rem :consider DIR: keeps DIR when it holds a Java 21+ newer than the best so far (from its release file)
:consider
if not exist "%~1\bin\java.exe" exit /b 0
if not exist "%~1\release" exit /b 0
set "VERSION="
for /f "usebackq tokens=1,* delims==" %%K in ("%~1\release") do if "%%K"=="JAVA_VERSION" set "VERSION=%%~L"
if not defined VERSION exit /b 0
for /f "delims=." %%M in ("%VERSION%") do set "MAJOR=%%M"
if %MAJOR% GEQ 21 if %MAJOR% GTR %BEST_MAJOR% (set "MANABI_JAVA=%~1" & set "BEST_MAJOR=%MAJOR%")
exit /b 0

rem :command_of ARG: the first argument that is neither a platform option nor its value
:command_of
if defined COMMAND exit /b 0
if defined SKIP (set "SKIP=" & exit /b 0)
if "%~1"=="-nl" (set "SKIP=1" & exit /b 0)
if "%~1"=="-clearPersistedState" exit /b 0
if "%~1"=="-consoleLog" exit /b 0
set "COMMAND=%~1"
exit /b 0

rem :language_preference ARGS: NL_OPTION becomes "-nl LANGUAGE" from the workbench's preferences
rem (org.manabi.ui.prefs, key language), unless ARGS give -nl or the preference is empty
:language_preference
set "STATE=%USERPROFILE%\.manabi"
set "NL_GIVEN="
set "PREVIOUS="
for %%A in (%*) do call :state_of "%%~A"
if defined NL_GIVEN exit /b 0
set "PREFERENCES=%STATE%\workbench\.metadata\.plugins\org.eclipse.core.runtime\.settings\org.manabi.ui.prefs"
if not exist "%PREFERENCES%" exit /b 0
set "LANGUAGE="
for /f "usebackq tokens=1,* delims==" %%K in ("%PREFERENCES%") do if "%%K"=="language" set "LANGUAGE=%%L"
if not defined LANGUAGE exit /b 0
rem a language tag only (en, ja, ja_JP): nothing else from the file reaches the command line
echo(%LANGUAGE%| findstr /r /x "[A-Za-z_]*" >nul || exit /b 0
set "NL_OPTION=-nl %LANGUAGE%"
exit /b 0

rem :state_of ARG: follows --data DIR, --data=DIR and -nl through the arguments
:state_of
if "%PREVIOUS%"=="--data" set "STATE=%~1"
set "ARG=%~1"
if "%ARG:~0,7%"=="--data=" set "STATE=%ARG:~7%"
if "%~1"=="-nl" set "NL_GIVEN=1"
set "PREVIOUS=%~1"
exit /b 0
