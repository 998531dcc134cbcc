print("before exit")
io.write("buffered no newline")
os.exit(3)
