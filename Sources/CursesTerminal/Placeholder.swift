import CNCurses
import PaddockTUI
