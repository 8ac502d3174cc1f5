from kplan.cli import main

main()
