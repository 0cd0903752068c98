// Placeholder entry point until the simulator lands; see README.
return 0;
