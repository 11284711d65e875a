drop table login_known_sources;
drop table login_throttle;
