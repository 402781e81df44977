import PaddockCLI

PaddockCommandLine.main()
