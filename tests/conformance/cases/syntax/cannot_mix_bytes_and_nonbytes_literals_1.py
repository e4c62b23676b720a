u'a' b'b'
