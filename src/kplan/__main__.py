from kplan.entry import main

main()
